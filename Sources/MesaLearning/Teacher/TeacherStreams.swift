/// The labels of the teacher world's random streams (``StreamKey``). The world seed drives the
/// teachers and the evaluation sets, the run seed the initialisation and the batches, so runs
/// that differ only in the run seed share a world, and a teacher or evaluation input is the same
/// whatever N, E or the learner.
enum TeacherStreams {
    /// Teacher j (index j) under the world seed: b (W_t·d normals, row-major), then a (W_t).
    static let teacher: UInt64 = 0x7465_6163_6865_7201  // "teacher"
    /// Evaluation trigger input k (index k) under the world seed.
    static let triggerEvaluation: UInt64 = 0x7465_6163_6865_7202
    /// Evaluation clean input k (index k) under the world seed.
    static let cleanEvaluation: UInt64 = 0x7465_6163_6865_7203
    /// The learner's initialisation under the run seed (index 0).
    static let initialisation: UInt64 = 0x7465_6163_6865_7204
    /// The batch of 0-based global step t (index t; phase 2 continues the count) under the run seed.
    static let batch: UInt64 = 0x7465_6163_6865_7205
}
