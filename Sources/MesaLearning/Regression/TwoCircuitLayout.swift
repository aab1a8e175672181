/// Where each tensor of a `two_circuit` model lives in its flat parameter vector, in `Lanes`
/// (8-scalar SIMD chunks); vectors of dimension d take C = ⌈d/8⌉ chunks, zero-padded.
///
///     [ Γ₀ column 0 … Γ₀ column d−1 | Γ₁ … | u₀ … u_{m−1} | (ρ, θ, 0, …, 0) ]
///
/// Γ_t is stored by columns so that Γ_t·g = Σ_l g_l·column_l is a sum of SIMD vectors. The
/// padding lanes have zero gradient, so Adam leaves them at zero.
struct TwoCircuitLayout: Sendable, Hashable {
    /// d.
    let dimension: Int
    /// C = ⌈d/8⌉, the chunks per vector.
    let chunks: Int
    /// s.
    let searchSteps: Int
    /// m.
    let memory: Int

    init(dimension: Int, searchSteps: Int, memory: Int) {
        self.dimension = dimension
        self.chunks = laneChunks(dimension)
        self.searchSteps = searchSteps
        self.memory = memory
    }

    /// The first chunk of column `column` of Γ_step.
    @inline(__always)
    func gamma(_ step: Int, column: Int) -> Int { (step * dimension + column) * chunks }

    /// The first chunk of slot u_slot.
    @inline(__always)
    func slot(_ slot: Int) -> Int { (searchSteps * dimension + slot) * chunks }

    /// The chunk holding ρ (lane 0, β = e^ρ) and θ (lane 1, gate = sigmoid(θ)).
    var scalars: Int { (searchSteps * dimension + memory) * chunks }

    /// Chunks in the whole vector.
    var laneCount: Int { scalars + 1 }

    /// Chunks of one packed sequence: the Gram matrix XᵀX (d rows), Xᵀy, x_q.
    var sequenceLanes: Int { (dimension + 2) * chunks }

    /// The named tensors, for gradient checks and reports: (name, chunk range, lanes used per
    /// chunk pattern) — each tensor's scalars are the non-padding lanes of its chunks.
    var tensors: [(name: String, scalarIndices: [Int])] {
        var result: [(String, [Int])] = []
        func vectorIndices(_ first: Int, count: Int) -> [Int] {
            (0..<count).flatMap { v in (0..<dimension).map { (first + v * chunks) * laneWidth + $0 } }
        }
        for t in 0..<searchSteps { result.append(("gamma\(t)", vectorIndices(gamma(t, column: 0), count: dimension))) }
        if memory > 0 { result.append(("slots", vectorIndices(slot(0), count: memory))) }
        result.append(("rho", [scalars * laneWidth]))
        result.append(("theta", [scalars * laneWidth + 1]))
        return result
    }
}
