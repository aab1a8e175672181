/// The version of what the engine computes. Bump it with any change that alters a run's results
/// (a metric's value, a drawing, a random stream): cached runs are keyed by it, so a bump makes
/// every earlier cache entry a miss. `EngineFingerprintTests` pins the results of a few small
/// fixed runs to this number, so a change that forgets the bump fails the tests.
public enum EngineVersion {
    public static let current = 7
}
