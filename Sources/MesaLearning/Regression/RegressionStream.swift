/// The stream labels of the regression world (`StreamKey.label`). The world seed addresses the
/// tasks and evaluation sets, the run seed the initialisation and the batches; each label is a
/// constant, so no kind of draw depends on how many draws another made.
enum RegressionStream: UInt64 {
    /// Pretraining task i (index i): d draws. Task i is the same at every N.
    case poolTask = 1
    /// Unseen evaluation task i: d draws, independent of every pool task.
    case unseenTask = 2
    /// Evaluation sequence k on unseen tasks (task k mod `unseenTasks`).
    case unseenSequence = 3
    /// Evaluation sequence k on pretraining tasks (task k mod N).
    case seenSequence = 4
    /// Training step t's minibatch: per sequence, the task index (or a fresh task at
    /// `infinite`), then the sequence's draws.
    case batch = 5
    /// The initial parameters.
    case initialisation = 6

    /// The stream of member `index` under `seed`.
    func stream(_ seed: UInt64, _ index: Int = 0) -> RandomStream {
        RandomStream(StreamKey(seed: seed, label: rawValue, index: UInt64(index)))
    }

    /// `count` tasks of `dimension` standard normal entries, task-major: task i from member i.
    func tasks(_ seed: UInt64, count: Int, dimension d: Int) -> [Double] {
        var result = [Double](repeating: 0, count: count * d)
        for i in 0..<count {
            var stream = stream(seed, i)
            stream.fillGaussian(count: d) { k, v in result[i * d + k] = v }
        }
        return result
    }
}
