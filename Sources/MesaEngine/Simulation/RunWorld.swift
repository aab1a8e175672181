import MesaScenario

/// One environment's instances with everything fixed per run: the proxy region and which
/// instances the detector fires on.
package struct TaskSet: Sendable {
    package let spec: EnvironmentSpec
    package let proxy: ProxyRegion
    package let instances: [MazeInstance]
    /// Whether the detector fires on each instance: exactly round(share · count) instances, chosen
    /// by a seeded shuffle (a fixed share, not an independent coin per instance).
    package let detectorFires: [Bool]

    package var cellCount: Int { spec.width * spec.height }
    package var count: Int { instances.count }

    /// The set drawn from sub-stream `label` of `runSeed`.
    package init(spec: EnvironmentSpec, runSeed: UInt64, label: StreamLabel, firingShare: Double, firingLabel: StreamLabel) {
        self.spec = spec
        let proxy = ProxyRegion(corner: spec.proxyCorner, side: spec.proxySide, width: spec.width, height: spec.height)
        self.proxy = proxy
        instances = (0..<spec.instances).map {
            InstanceFactory.make(spec: spec, proxy: proxy, runSeed: runSeed, label: label, index: $0)
        }
        detectorFires = TaskSet.firing(count: spec.instances, share: firingShare, seed: StreamSeed.derive(runSeed, firingLabel))
    }

    /// A set from explicit instances (tests and hand-made examples).
    package init(spec: EnvironmentSpec, instances: [MazeInstance], detectorFires: [Bool]? = nil) {
        self.spec = spec
        proxy = ProxyRegion(corner: spec.proxyCorner, side: spec.proxySide, width: spec.width, height: spec.height)
        self.instances = instances
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
/// `deployment` block), drawn from separate sub-streams of the run seed.
package struct RunWorld: Sendable {
    package let training: TaskSet
    package let deployment: TaskSet

    package init(spec: SimulationSpec, runSeed: UInt64) {
        let deception = spec.deception
        training = TaskSet(spec: spec.environment, runSeed: runSeed, label: .trainingInstances,
                           firingShare: deception?.falsePositive ?? 0, firingLabel: .trainingDetector)
        deployment = TaskSet(spec: spec.deployment, runSeed: runSeed, label: .deploymentInstances,
                             firingShare: deception?.truePositive ?? 0, firingLabel: .deploymentDetector)
    }

    package init(training: TaskSet, deployment: TaskSet) {
        self.training = training
        self.deployment = deployment
    }
}
