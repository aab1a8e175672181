/// The forward and hand-written backward pass of `two_circuit` on one packed sequence
/// (docs/learned-worlds.md has the equations). Generic over the scalar, so the same code runs in
/// `Double` for the finite-difference checks and in `Float` for training. Every sum runs in a
/// fixed index order; nothing depends on the CPU or on threads.
///
/// Cost per sequence: search O(s·d²), table O(m·d²) forward and O(m·d) backward, m
/// exponentials.
struct TwoCircuitKernel<S: LearningScalar> {
    /// The parameter layout.
    let layout: TwoCircuitLayout
    /// κ = 1/(2σ²) with the training noise σ²: a constant of the architecture, so β = 1 is the
    /// dMMSE rule at the training noise.
    let kappa: S

    /// The two circuits' outputs and the gate, from `forward`.
    struct Prediction {
        /// w_s·x_q.
        var search: S
        /// Σ_j a_j u_j·x_q.
        var table: S
        /// sigmoid(θ).
        var gate: S
        /// gate·search + (1 − gate)·table.
        var full: S { gate * search + (1 - gate) * table }
    }

    // Scratch kept from `forward` for `backward` (a kernel belongs to one run on one thread).
    private let iterates: ScratchBuffer<Lanes<S>>   // w₀ … w_s
    private let steps: ScratchBuffer<Lanes<S>>      // g₀ … g_{s−1}
    private let gramSlots: ScratchBuffer<Lanes<S>>  // A u_j
    private let losses: ScratchBuffer<S>            // L_j
    private let weights: ScratchBuffer<S>           // a_j
    private let values: ScratchBuffer<S>            // u_j·x_q
    private let adjoint: ScratchBuffer<Lanes<S>>    // w̄
    private let stepAdjoint: ScratchBuffer<Lanes<S>> // ḡ

    init(layout: TwoCircuitLayout, trainingNoise: Double) {
        self.layout = layout
        kappa = S(1 / (2 * trainingNoise))
        let c = layout.chunks
        iterates = ScratchBuffer(repeating: .zero, count: (layout.searchSteps + 1) * c)
        steps = ScratchBuffer(repeating: .zero, count: layout.searchSteps * c)
        gramSlots = ScratchBuffer(repeating: .zero, count: layout.memory * c)
        losses = ScratchBuffer(repeating: 0, count: layout.memory)
        weights = ScratchBuffer(repeating: 0, count: layout.memory)
        values = ScratchBuffer(repeating: 0, count: layout.memory)
        adjoint = ScratchBuffer(repeating: .zero, count: c)
        stepAdjoint = ScratchBuffer(repeating: .zero, count: c)
    }

    /// The prediction for one sequence: `sequence` packed by `SequenceBuilder` (A, b, x_q),
    /// `yy` = yᵀy, `context` = n.
    func forward(_ parameters: UnsafePointer<Lanes<S>>, sequence: UnsafePointer<Lanes<S>>,
                          yy: S, context n: Int) -> Prediction {
        let d = layout.dimension, chunks = layout.chunks, s = layout.searchSteps, m = layout.memory
        let gram = sequence, moment = sequence + d * chunks, query = sequence + (d + 1) * chunks
        let inverseN = 1 / S(n)
        let scalars = parameters[layout.scalars]
        let beta = S.exponential(scalars[0]), gate = 1 / (1 + S.exponential(-scalars[1]))

        // Search: w_{t+1} = w_t + Γ_t (b − A w_t)/n from w₀ = 0.
        let w = iterates.pointer, g = steps.pointer
        for c in 0..<chunks { w[c] = .zero }
        for t in 0..<s {
            let wt = w + t * chunks, gt = g + t * chunks
            for c in 0..<chunks {
                var residual = moment[c]
                for k in 0..<d { residual -= wt[k / laneWidth][k % laneWidth] * gram[k * chunks + c] }
                gt[c] = residual * inverseN
            }
            let next = wt + chunks
            for c in 0..<chunks {
                var acc = wt[c]
                for l in 0..<d { acc += gt[l / laneWidth][l % laneWidth] * parameters[layout.gamma(t, column: l) + c] }
                next[c] = acc
            }
        }
        var searchSum = Lanes<S>.zero
        for c in 0..<chunks { searchSum += w[s * chunks + c] * query[c] }
        let search = laneSum(searchSum)

        // Table: L_j = c − 2u_j·b + u_jᵀA u_j, a = softmax(−β κ L), prediction Σ a_j u_j·x_q.
        var table = S(0)
        if m > 0 {
            let au = gramSlots.pointer, loss = losses.pointer, a = weights.pointer, v = values.pointer
            let scale = -beta * kappa
            var largest = -S.infinity
            for j in 0..<m {
                let u = parameters + layout.slot(j), auj = au + j * chunks
                var ub = Lanes<S>.zero, uau = Lanes<S>.zero, uq = Lanes<S>.zero
                for c in 0..<chunks {
                    var acc = Lanes<S>.zero
                    for k in 0..<d { acc += u[k / laneWidth][k % laneWidth] * gram[k * chunks + c] }
                    auj[c] = acc
                    ub += u[c] * moment[c]
                    uau += u[c] * acc
                    uq += u[c] * query[c]
                }
                loss[j] = yy - 2 * laneSum(ub) + laneSum(uau)
                v[j] = laneSum(uq)
                a[j] = scale * loss[j]
                if a[j] > largest { largest = a[j] }
            }
            var total = S(0)
            for j in 0..<m {
                a[j] = S.exponential(a[j] - largest)
                total += a[j]
            }
            let inverseTotal = 1 / total
            for j in 0..<m {
                a[j] *= inverseTotal
                table += a[j] * v[j]
            }
        }
        return Prediction(search: search, table: table, gate: gate)
    }

    /// Adds ∂(loss)/∂(parameters) · `outputAdjoint` to `gradient`, where `outputAdjoint` is
    /// ∂loss/∂(prediction.full); `forward` must have run on the same inputs just before.
    func backward(_ parameters: UnsafePointer<Lanes<S>>, sequence: UnsafePointer<Lanes<S>>,
                  context n: Int, prediction: Prediction, outputAdjoint delta: S,
                  into gradient: UnsafeMutablePointer<Lanes<S>>) {
        let d = layout.dimension, chunks = layout.chunks, s = layout.searchSteps, m = layout.memory
        let gram = sequence, moment = sequence + d * chunks, query = sequence + (d + 1) * chunks
        let inverseN = 1 / S(n)
        let scalars = parameters[layout.scalars]
        let beta = S.exponential(scalars[0]), gate = prediction.gate
        let searchAdjoint = gate * delta, tableAdjoint = (1 - gate) * delta
        var scalarGradient = Lanes<S>.zero
        scalarGradient[1] = delta * (prediction.search - prediction.table) * gate * (1 - gate)

        // Table: z̄_j = δ_t a_j (v_j − p_t), L̄_j = −βκ z̄_j, ū_j = δ_t a_j x_q + 2L̄_j (A u_j − b).
        if m > 0 {
            var betaAdjoint = S(0)
            let au = gramSlots.pointer, loss = losses.pointer, a = weights.pointer, v = values.pointer
            for j in 0..<m {
                let logitAdjoint = tableAdjoint * a[j] * (v[j] - prediction.table)
                betaAdjoint += logitAdjoint * (-kappa * loss[j])
                let lossAdjoint2 = 2 * (-beta * kappa * logitAdjoint)
                let valueAdjoint = tableAdjoint * a[j]
                let gu = gradient + layout.slot(j), auj = au + j * chunks
                for c in 0..<chunks {
                    gu[c] += valueAdjoint * query[c] + lossAdjoint2 * (auj[c] - moment[c])
                }
            }
            scalarGradient[0] = beta * betaAdjoint
        }
        gradient[layout.scalars] += scalarGradient

        // Search, backwards: Γ̄_t += w̄_{t+1} g_tᵀ, ḡ_t = Γ_tᵀ w̄_{t+1}, w̄_t = w̄_{t+1} − A ḡ_t / n.
        guard s > 0 else { return }
        let wbar = adjoint.pointer, gbar = stepAdjoint.pointer, g = steps.pointer
        for c in 0..<chunks { wbar[c] = searchAdjoint * query[c] }
        for t in stride(from: s - 1, through: 0, by: -1) {
            let gt = g + t * chunks
            for c in 0..<chunks { gbar[c] = .zero }
            for l in 0..<d {
                let column = layout.gamma(t, column: l)
                let gl = gt[l / laneWidth][l % laneWidth]
                var dot = Lanes<S>.zero
                for c in 0..<chunks {
                    gradient[column + c] += gl * wbar[c]
                    dot += parameters[column + c] * wbar[c]
                }
                gbar[l / laneWidth][l % laneWidth] = laneSum(dot)
            }
            if t == 0 { break }
            for c in 0..<chunks {
                var acc = Lanes<S>.zero
                for k in 0..<d { acc += gbar[k / laneWidth][k % laneWidth] * gram[k * chunks + c] }
                wbar[c] -= acc * inverseN
            }
        }
    }
}
