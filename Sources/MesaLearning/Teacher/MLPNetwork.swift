/// The forward and backward passes of the learner `mlp` (``MLPShape``), generic over the scalar
/// type: `Double` for the finite-difference check of the gradients, `Float` for training.
///
/// Forward, for each example b of a batch (row-major inputs x_b of D values):
///
///     z¹ = b₁ + Σ_i x_i W₁[i, ·]       h¹ = relu(z¹)
///     z² = b₂ + Σ_j h¹_j W₂[j, ·]      h² = relu(z²)          (when layers = 2)
///     ŷ  = v · h^L + c
///
/// Loss L = (1 / 2B) Σ_b (ŷ_b − y_b)², and backward by the chain rule:
///
///     e_b = (ŷ_b − y_b) / B
///     ∂L/∂c = Σ_b e_b                  ∂L/∂v = Σ_b e_b h^L_b
///     δ^L_b = e_b v ⊙ [z^L_b > 0]
///     ∂L/∂b_l = Σ_b δ^l_b              ∂L/∂W_l[i, ·] = Σ_b in^l_{b,i} δ^l_b
///     δ¹_b = (W₂ δ²_b) ⊙ [z¹_b > 0]    (when layers = 2)
///
/// Every sum over inputs, units of the layer below, or examples runs in index order from +0;
/// a zero input is skipped, which is exact (adding ±0 to a sum that started at +0 never changes
/// it). Cost per example: O(D·H + H) for one hidden layer, plus O(H²) for the second; the
/// backward pass is about twice the forward.
enum MLPNetwork {
    /// Fills `workspace` with the activations and outputs of the first `count` examples of
    /// `inputs` (row-major, `shape.inputs` per example).
    static func forward<S: LearningScalar>(parameters: UnsafePointer<S>, inputs: UnsafePointer<S>, count: Int,
                                           workspace: MLPWorkspace<S>) {
        let shape = workspace.shape
        precondition(count <= workspace.capacity)
        let chunks = shape.paddedWidth / laneWidth
        let pw = shape.paddedWidth
        for layer in 0..<shape.layers {
            let weights = parameters + shape.weights(ofLayer: layer)
            let bias = parameters + shape.bias(ofLayer: layer)
            let fanIn = shape.fanIn(ofLayer: layer)
            let source: UnsafePointer<S> = layer == 0 ? inputs : UnsafePointer(workspace.activations[layer - 1])
            let sourceStride = layer == 0 ? shape.inputs : pw
            let pre = workspace.preActivations[layer], act = workspace.activations[layer]
            for b in 0..<count {
                let row = source + b * sourceStride
                // Four chunks at a time: four independent sums in flight (each still summed over
                // i in order), then the remaining chunks one by one.
                var c = 0
                while c + 4 <= chunks {
                    let o = c * laneWidth
                    var z0 = LaneKernels.load(bias + o), z1 = LaneKernels.load(bias + o + laneWidth)
                    var z2 = LaneKernels.load(bias + o + 2 * laneWidth), z3 = LaneKernels.load(bias + o + 3 * laneWidth)
                    for i in 0..<fanIn {
                        let xi = row[i]
                        if xi == 0 { continue }
                        let x = Lanes<S>(repeating: xi), w = weights + i * pw + o
                        z0 = z0 + x * LaneKernels.load(w)
                        z1 = z1 + x * LaneKernels.load(w + laneWidth)
                        z2 = z2 + x * LaneKernels.load(w + 2 * laneWidth)
                        z3 = z3 + x * LaneKernels.load(w + 3 * laneWidth)
                    }
                    let out = b * pw + o
                    LaneKernels.store(z0, pre + out)
                    LaneKernels.store(z1, pre + out + laneWidth)
                    LaneKernels.store(z2, pre + out + 2 * laneWidth)
                    LaneKernels.store(z3, pre + out + 3 * laneWidth)
                    c += 4
                }
                while c < chunks {
                    var z = LaneKernels.load(bias + c * laneWidth)
                    for i in 0..<fanIn {
                        let xi = row[i]
                        if xi == 0 { continue }
                        z = z + Lanes<S>(repeating: xi) * LaneKernels.load(weights + i * pw + c * laneWidth)
                    }
                    LaneKernels.store(z, pre + b * pw + c * laneWidth)
                    c += 1
                }
                LaneKernels.relu(pre + b * pw, into: act + b * pw, count: pw)
            }
        }
        let top = UnsafePointer(workspace.activations[shape.layers - 1])
        let v = parameters + shape.outputWeights
        let c0 = parameters[shape.outputBias]
        for b in 0..<count {
            workspace.outputs[b] = LaneKernels.dot(v, top + b * pw, chunks: chunks) + c0
        }
    }

    /// The forward pass, then the loss (returned, accumulated in `Double`) and its gradient with
    /// respect to every parameter, written into `gradient` (`shape.storageCount` values; padding
    /// entries get 0).
    @discardableResult
    static func backward<S: LearningScalar>(parameters: UnsafePointer<S>, inputs: UnsafePointer<S>,
                                            targets: UnsafePointer<S>, count: Int,
                                            workspace: MLPWorkspace<S>,
                                            gradient: UnsafeMutablePointer<S>) -> Double {
        forward(parameters: parameters, inputs: inputs, count: count, workspace: workspace)
        let shape = workspace.shape
        let chunks = shape.paddedWidth / laneWidth
        let pw = shape.paddedWidth
        gradient.update(repeating: 0, count: shape.storageCount)

        let scale = 1 / S(count)
        var loss = 0.0
        var outputBiasGradient: S = 0
        for b in 0..<count {
            let residual = workspace.outputs[b] - targets[b]
            loss += Double(residual) * Double(residual)
            let e = residual * scale
            workspace.outputErrors[b] = e
            outputBiasGradient += e
        }
        gradient[shape.outputBias] = outputBiasGradient

        // Output weights and the top layer's error δ^L.
        let top = workspace.activations[shape.layers - 1]
        let v = parameters + shape.outputWeights
        var delta = workspace.errors[0], below = workspace.errors[1]
        for c in 0..<chunks {
            var g = Lanes<S>()
            let vc = LaneKernels.load(v + c * laneWidth)
            for b in 0..<count {
                let e = Lanes<S>(repeating: workspace.outputErrors[b])
                g = g + e * LaneKernels.load(top + b * pw + c * laneWidth)
                LaneKernels.store(e * vc, delta + b * pw + c * laneWidth)
            }
            LaneKernels.store(g, gradient + shape.outputWeights + c * laneWidth)
        }
        let topPre = workspace.preActivations[shape.layers - 1]
        for b in 0..<count {
            LaneKernels.gate(delta + b * pw, by: topPre + b * pw, count: pw)
        }

        for layer in stride(from: shape.layers - 1, through: 0, by: -1) {
            let fanIn = shape.fanIn(ofLayer: layer)
            let source: UnsafePointer<S> = layer == 0 ? inputs : UnsafePointer(workspace.activations[layer - 1])
            let sourceStride = layer == 0 ? shape.inputs : pw
            let weightGradient = gradient + shape.weights(ofLayer: layer)
            let biasGradient = gradient + shape.bias(ofLayer: layer)
            for c in 0..<chunks {
                var g = Lanes<S>()
                for b in 0..<count { g = g + LaneKernels.load(delta + b * pw + c * laneWidth) }
                LaneKernels.store(g, biasGradient + c * laneWidth)
            }
            for i in 0..<fanIn {
                var c = 0
                while c + 4 <= chunks {  // four independent sums over b in flight, as in `forward`
                    let o = c * laneWidth
                    var g0 = Lanes<S>(), g1 = Lanes<S>(), g2 = Lanes<S>(), g3 = Lanes<S>()
                    for b in 0..<count {
                        let xi = source[b * sourceStride + i]
                        if xi == 0 { continue }
                        let x = Lanes<S>(repeating: xi), d = delta + b * pw + o
                        g0 = g0 + x * LaneKernels.load(d)
                        g1 = g1 + x * LaneKernels.load(d + laneWidth)
                        g2 = g2 + x * LaneKernels.load(d + 2 * laneWidth)
                        g3 = g3 + x * LaneKernels.load(d + 3 * laneWidth)
                    }
                    let w = weightGradient + i * pw + o
                    LaneKernels.store(g0, w)
                    LaneKernels.store(g1, w + laneWidth)
                    LaneKernels.store(g2, w + 2 * laneWidth)
                    LaneKernels.store(g3, w + 3 * laneWidth)
                    c += 4
                }
                while c < chunks {
                    var g = Lanes<S>()
                    for b in 0..<count {
                        let xi = source[b * sourceStride + i]
                        if xi == 0 { continue }
                        g = g + Lanes<S>(repeating: xi) * LaneKernels.load(delta + b * pw + c * laneWidth)
                    }
                    LaneKernels.store(g, weightGradient + i * pw + c * laneWidth)
                    c += 1
                }
            }
            if layer > 0 {
                // δ^{l−1}_b[j] = (Σ_u W_l[j, u] δ^l_b[u]) · [z^{l−1}_b[j] > 0]; padded j stay 0.
                let weights = parameters + shape.weights(ofLayer: layer)
                let pre = workspace.preActivations[layer - 1]
                for b in 0..<count {
                    let row = below + b * pw
                    for j in 0..<pw {
                        if j < shape.width && pre[b * pw + j] > 0 {
                            row[j] = LaneKernels.dot(weights + j * pw, delta + b * pw, chunks: chunks)
                        } else {
                            row[j] = 0
                        }
                    }
                }
                swap(&delta, &below)
            }
        }
        return loss / Double(2 * count)
    }

    /// The loss alone (forward pass), in `Double`: the function the gradient check differentiates.
    static func loss<S: LearningScalar>(parameters: UnsafePointer<S>, inputs: UnsafePointer<S>,
                                        targets: UnsafePointer<S>, count: Int,
                                        workspace: MLPWorkspace<S>) -> Double {
        forward(parameters: parameters, inputs: inputs, count: count, workspace: workspace)
        var loss = 0.0
        for b in 0..<count {
            let residual = Double(workspace.outputs[b] - targets[b])
            loss += residual * residual
        }
        return loss / Double(2 * count)
    }
}
