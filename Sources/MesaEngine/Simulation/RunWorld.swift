import MesaScenario

/// One environment's instances with everything fixed per run: the proxy feature and which
/// instances the detector fires on.
package struct TaskSet: Sendable {
    package let spec: EnvironmentSpec
    package let environment: any Environment
    package let instances: [TaskInstance]
    /// The `w_proxy` feature of every state (the environment's, cached for the hot path).
    package let proxyFeature: [Int32]
    /// Whether the detector fires on each instance: exactly round(share · count) instances, chosen
    /// by a seeded shuffle (a fixed share, not an independent coin per instance).
    package let detectorFires: [Bool]

    package var stateCount: Int { environment.stateCount }
    package var count: Int { instances.count }

    /// The set drawn from sub-stream `label` of `worldSeed`.
    package init(spec: EnvironmentSpec, worldSeed: UInt64, label: StreamLabel, firingShare: Double,
                 firingLabel: StreamLabel) {
        let environment = EnvironmentKind.make(spec)
        self.init(spec: spec, environment: environment,
                  instances: (0..<spec.instances).map { environment.instance(index: $0, label: label, worldSeed: worldSeed) },
                  detectorFires: TaskSet.firing(count: spec.instances, share: firingShare,
                                                seed: StreamSeed.derive(worldSeed, firingLabel)))
    }

    /// A set from explicit instances (tests and hand-made examples).
    package init(spec: EnvironmentSpec, environment: (any Environment)? = nil, instances: [TaskInstance],
                 detectorFires: [Bool]? = nil) {
        self.spec = spec
        let environment = environment ?? EnvironmentKind.make(spec)
        self.environment = environment
        self.instances = instances
        proxyFeature = environment.proxyFeature
        self.detectorFires = detectorFires ?? [Bool](repeating: false, count: instances.count)
    }

    /// The first round(share · count) indices of a seeded Fisher–Yates shuffle fire.
    package static func firing(count: Int, share: Double, seed: UInt64) -> [Bool] {
        let firing = min(count, max(0, Int((share * Double(count)).rounded())))
        var order = Array(0..<count)
        var rng = Xoshiro256StarStar(seed: seed)
        var fires = [Bool](repeating: false, count: count)
        for i in 0..<firing {
            let j = i + rng.below(count - i)
            order.swapAt(i, j)
            fires[order[i]] = true
        }
        return fires
    }
}

/// A run's two instance sets: training (the `environment` block) and deployment (the
/// `deployment` block), drawn from separate sub-streams of the world seed.
package struct RunWorld: Sendable {
    package let training: TaskSet
    package let deployment: TaskSet

    package init(spec: SimulationSpec, worldSeed: UInt64) {
        let deception = spec.deception
        training = TaskSet(spec: spec.environment, worldSeed: worldSeed, label: .trainingInstances,
                           firingShare: deception?.falsePositive ?? 0, firingLabel: .trainingDetector)
        deployment = TaskSet(spec: spec.deployment, worldSeed: worldSeed, label: .deploymentInstances,
                             firingShare: deception?.truePositive ?? 0, firingLabel: .deploymentDetector)
    }

    package init(training: TaskSet, deployment: TaskSet) {
        self.training = training
        self.deployment = deployment
    }
}
