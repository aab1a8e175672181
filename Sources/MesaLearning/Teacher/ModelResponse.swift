/// A model's behaviour on one evaluation set: its outputs and, per hidden layer, each unit's
/// mean activation, the layer's mean squared activation, and (on request) each unit's task
/// weight. Accumulated in `Double`, input by input in index order.
struct ModelResponse {
    /// f̂ of each input.
    var outputs: [Double]
    /// [layer][unit]: mean of h_u over the inputs.
    var unitMeans: [[Double]]
    /// [layer]: mean over inputs and the layer's H units of h_u².
    var meanSquares: [Double]
    /// [layer][unit]: τ_u, the variance over the inputs of the unit's first-order contribution to
    /// the output, g_u(x)·(h_u(x) − h̄_u) with g_u = ∂f̂/∂h_u: the rise in squared error, in units
    /// of Var f, if the unit were held at its mean (exact for the last hidden layer, where
    /// g_u = v_u; first-order for the first of two). Empty unless requested.
    var taskWeights: [[Double]]

    /// Measures the model `parameters` of `shape` on `count` rows (row-major), in chunks of the
    /// workspace's capacity.
    static func measure(parameters: [Float], rows: [Float], count: Int, workspace: MLPWorkspace<Float>,
                        taskWeights wantTask: Bool) -> ModelResponse {
        let shape = workspace.shape
        let h = shape.width, pw = shape.paddedWidth, layers = shape.layers
        var outputs = [Double](repeating: 0, count: count)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: h), count: layers)
        var squares = [[Double]](repeating: [Double](repeating: 0, count: h), count: layers)
        // Moments of g and h for τ: Σ g²h², Σ g²h, Σ g² per unit.
        var g2h2 = sums, g2h = sums, g2 = sums
        let chunks = pw / laneWidth
        var sumLanes = [[SIMD8<Double>]](repeating: [SIMD8<Double>](repeating: .zero, count: chunks), count: layers)
        var squareLanes = sumLanes
        var sensitivity = [Float](repeating: 0, count: pw)
        var gatedOutput = [Float](repeating: 0, count: pw)
        parameters.withUnsafeBufferPointer { pb in
            let p = pb.baseAddress!
            rows.withUnsafeBufferPointer { rb in
                var start = 0
                while start < count {
                    let n = min(workspace.capacity, count - start)
                    MLPNetwork.forward(parameters: p, inputs: rb.baseAddress! + start * shape.inputs, count: n,
                                       workspace: workspace)
                    for b in 0..<n {
                        outputs[start + b] = Double(workspace.outputs[b])
                        for layer in 0..<layers {
                            let act = workspace.activations[layer] + b * pw
                            for c in 0..<chunks {  // lane-wise in Double: each unit's own sum
                                let a = SIMD8<Double>(LaneKernels.load(act + c * laneWidth))
                                sumLanes[layer][c] += a
                                squareLanes[layer][c] += a * a
                            }
                        }
                        if wantTask {
                            Self.sensitivities(parameters: p, shape: shape, workspace: workspace, example: b,
                                               gated: &gatedOutput, into: &sensitivity)
                            for layer in 0..<layers {
                                let act = workspace.activations[layer] + b * pw
                                for u in 0..<h {
                                    let g = layer == layers - 1 ? Double(p[shape.outputWeights + u]) : Double(sensitivity[u])
                                    let a = Double(act[u])
                                    g2h2[layer][u] += g * g * a * a
                                    g2h[layer][u] += g * g * a
                                    g2[layer][u] += g * g
                                }
                            }
                        }
                    }
                    start += n
                }
            }
        }
        for layer in 0..<layers {
            for u in 0..<h {
                sums[layer][u] = sumLanes[layer][u / laneWidth][u % laneWidth]
                squares[layer][u] = squareLanes[layer][u / laneWidth][u % laneWidth]
            }
        }
        let e = Double(count)
        var response = ModelResponse(outputs: outputs, unitMeans: sums.map { $0.map { $0 / e } },
                                     meanSquares: squares.map { $0.reduce(0, +) / (e * Double(h)) },
                                     taskWeights: [])
        if wantTask {
            response.taskWeights = (0..<layers).map { layer in
                (0..<h).map { u in
                    let mean = response.unitMeans[layer][u]
                    let tau = g2h2[layer][u] / e - 2 * mean * g2h[layer][u] / e + mean * mean * g2[layer][u] / e
                    return max(0, tau)
                }
            }
        }
        return response
    }

    /// For two hidden layers, ∂f̂/∂h¹_j of example `b` of the last forward pass,
    /// Σ_w W₂[j, w] v_w [z²_w > 0], into `into` (padded width); unused for one layer.
    private static func sensitivities(parameters p: UnsafePointer<Float>, shape: MLPShape,
                                      workspace: MLPWorkspace<Float>, example b: Int,
                                      gated: inout [Float], into: inout [Float]) {
        guard shape.layers == 2 else { return }
        let pw = shape.paddedWidth, chunks = pw / laneWidth
        let z = workspace.preActivations[1] + b * pw
        gated.withUnsafeMutableBufferPointer { gb in
            for j in 0..<pw { gb[j] = p[shape.outputWeights + j] }
            LaneKernels.gate(gb.baseAddress!, by: z, count: pw)
            for j in 0..<shape.width {
                into[j] = LaneKernels.dot(p + shape.secondWeights + j * pw, gb.baseAddress!, chunks: chunks)
            }
        }
    }
}
