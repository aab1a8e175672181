"""The two_circuit learner of the regression world in JAX: the reference for the speed of
MesaLearning's Swift implementation (docs/performance.md, "Learned worlds").

Same model, same training step as Sources/MesaLearning/Regression: a minibatch of fresh sequences
(pool tasks, x ~ N(0, I), y = w.x + eps), the search circuit (s steps of preconditioned gradient
descent on the context from w0 = 0, learned Gamma_t), the table circuit (m slots, retrieval
softmax_j(-beta * sum_i (y_i - u_j.x_i)^2 / (2 sigma^2)), beta = exp(rho)), the gate sigmoid(theta),
mean-squared error, Adam (0.9, 0.999, 1e-8). Data generation, forward, backward (autodiff) and the
update are one jitted function, as in a JAX training loop.

`--form stats` computes both circuits from A = X^T X, b = X^T y (as the Swift code does);
`--form raw` from X directly (einsum over the context). The faster one is the fair figure.

Single-threaded, one core:
    XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1" \
        taskset -c 0 python3 bench/jax/two_circuit.py --steps 300
"""
import argparse
import time

import jax
import jax.numpy as jnp


def init(key, d, s, m, scale):
    k1, k2 = jax.random.split(key)
    return {
        "gamma": scale * jax.random.normal(k1, (s, d, d)),
        "slots": scale * jax.random.normal(k2, (m, d)),
        "rho": jnp.zeros(()),
        "theta": jnp.zeros(()),
    }


def predict_stats(p, X, y, xq, kappa):
    n = X.shape[1]
    A = jnp.einsum("bni,bnj->bij", X, X)
    b = jnp.einsum("bn,bni->bi", y, X)
    c = jnp.sum(y * y, axis=1)
    w = jnp.zeros_like(b)
    for t in range(p["gamma"].shape[0]):
        g = (b - jnp.einsum("bij,bj->bi", A, w)) / n
        w = w + jnp.einsum("ij,bj->bi", p["gamma"][t], g)
    search = jnp.sum(w * xq, axis=1)
    u = p["slots"]
    au = jnp.einsum("bij,mj->bmi", A, u)
    loss = c[:, None] - 2 * jnp.einsum("mi,bi->bm", u, b) + jnp.einsum("mi,bmi->bm", u, au)
    a = jax.nn.softmax(-jnp.exp(p["rho"]) * kappa * loss, axis=1)
    table = jnp.sum(a * jnp.einsum("mi,bi->bm", u, xq), axis=1)
    gate = jax.nn.sigmoid(p["theta"])
    return gate * search + (1 - gate) * table


def predict_raw(p, X, y, xq, kappa):
    n = X.shape[1]
    w = jnp.zeros((X.shape[0], X.shape[2]))
    for t in range(p["gamma"].shape[0]):
        r = y - jnp.einsum("bni,bi->bn", X, w)
        g = jnp.einsum("bn,bni->bi", r, X) / n
        w = w + jnp.einsum("ij,bj->bi", p["gamma"][t], g)
    search = jnp.sum(w * xq, axis=1)
    u = p["slots"]
    resid = y[:, None, :] - jnp.einsum("mi,bni->bmn", u, X)
    loss = jnp.sum(resid * resid, axis=2)
    a = jax.nn.softmax(-jnp.exp(p["rho"]) * kappa * loss, axis=1)
    table = jnp.sum(a * jnp.einsum("mi,bi->bm", u, xq), axis=1)
    gate = jax.nn.sigmoid(p["theta"])
    return gate * search + (1 - gate) * table


def make_step(predict, pool, d, n, noise, batch, lr):
    kappa = 1.0 / (2 * noise)
    sd = noise ** 0.5

    def loss_fn(p, X, y, xq, yq):
        return jnp.mean((predict(p, X, y, xq, kappa) - yq) ** 2)

    @jax.jit
    def step(p, opt, key, t):
        kt, kx, ke, kq, kn = jax.random.split(key, 5)
        w = pool[jax.random.randint(kt, (batch,), 0, pool.shape[0])]
        X = jax.random.normal(kx, (batch, n, d))
        y = jnp.einsum("bni,bi->bn", X, w) + sd * jax.random.normal(ke, (batch, n))
        xq = jax.random.normal(kq, (batch, d))
        yq = jnp.sum(w * xq, axis=1) + sd * jax.random.normal(kn, (batch,))
        loss, g = jax.value_and_grad(loss_fn)(p, X, y, xq, yq)
        m, v = opt
        m = jax.tree.map(lambda m, g: 0.9 * m + 0.1 * g, m, g)
        v = jax.tree.map(lambda v, g: 0.999 * v + 0.001 * g * g, v, g)
        c1 = 1 - 0.9 ** t
        c2 = 1 - 0.999 ** t
        p = jax.tree.map(lambda p, m, v: p - lr / c1 * m / (jnp.sqrt(v) / jnp.sqrt(c2) + 1e-8), p, m, v)
        return p, (m, v), loss

    return step


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--d", type=int, default=8)
    ap.add_argument("--n", type=int, default=16)
    ap.add_argument("--s", type=int, default=2)
    ap.add_argument("--m", type=int, default=64)
    ap.add_argument("--tasks", type=int, default=1024)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--noise", type=float, default=0.25)
    ap.add_argument("--form", choices=["stats", "raw"], default="stats")
    args = ap.parse_args()
    key = jax.random.PRNGKey(0)
    kp, ki, key = jax.random.split(key, 3)
    pool = jax.random.normal(kp, (args.tasks, args.d))
    p = init(ki, args.d, args.s, args.m, 0.01)
    opt = (jax.tree.map(jnp.zeros_like, p), jax.tree.map(jnp.zeros_like, p))
    predict = predict_stats if args.form == "stats" else predict_raw
    step = make_step(predict, pool, args.d, args.n, args.noise, args.batch, args.lr)
    keys = jax.random.split(key, args.steps + 1)
    p, opt, loss = step(p, opt, keys[0], 1.0)  # compile
    loss.block_until_ready()
    start = time.perf_counter()
    for t in range(1, args.steps + 1):
        p, opt, loss = step(p, opt, keys[t], float(t + 1))
    loss.block_until_ready()
    seconds = time.perf_counter() - start
    print(f"form={args.form} d={args.d} n={args.n} s={args.s} m={args.m} batch={args.batch} steps={args.steps} "
          f"seconds={seconds:.3f} sequences_per_second={args.steps * args.batch / seconds:.0f} loss={float(loss):.4f}")


if __name__ == "__main__":
    main()
