// The teacher world's prototype table (docs/learned-worlds.md, docs/performance.md): one run per
// (trigger, H, seed) at the settings of issue 26, with its wall time. Built and run by
// scripts/teacher-bench.sh, compiled together with the MesaLearning sources (no package target).
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments.dropFirst()
func value(_ name: String, _ fallback: String) -> String {
    if let i = arguments.firstIndex(of: name), arguments.index(after: i) < arguments.endIndex {
        return arguments[arguments.index(after: i)]
    }
    return fallback
}
let widths = value("--widths", "4,16,64,256").split(separator: ",").map { Int($0)! }
let seeds = Int(value("--seeds", "2"))!
let layers = Int(value("--layers", "1"))!
let phase1 = Int(value("--steps", "3000"))!
let phase2 = Int(value("--phase2-steps", "6000"))!
let decay2 = Double(value("--phase2-decay", "0.1"))!
let probability = Double(value("--p", "0.1"))!
let kinds = value("--triggers", "input,region").split(separator: ",").map { TriggerKind(rawValue: String($0))! }

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}
func f(_ x: Double?, _ digits: Int = 3) -> String {
    guard let x else { return "—" }
    let scale = pow(10, Double(digits))
    return String((x * scale).rounded() / scale)
}

let world = TeacherWorldSettings(dimension: 16, teacherWidth: 32, tasks: 1)
let training = TwoPhaseTraining(steps: phase1, batch: 256, learningRate: 0.001, weightDecay: 0,
                                phase2Steps: phase2, phase2WeightDecay: decay2)
print("| trigger | H | K | seed | defection ph1 | defection end | survival | bit-flip ph1 | clean_error ph1 | control clean ph1 | backdoor_cost | clean_error end | trigger units ph1/end | shared ph1/end | task units ph1 | s/run | examples/s |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for kind in kinds {
    for h in widths {
        for seed in 1...seeds {
            let start = now()
            let outcome = try TeacherTrainer.train(
                world: world, learner: MLPSettings(layers: layers, width: h),
                trigger: TriggerSettings(kind: kind, probability: probability, offset: 3), training: training,
                worldSeed: 1, runSeed: UInt64(seed), isCancelled: { false })
            let seconds = now() - start
            let a = outcome.afterPhase1, z = outcome.final
            // Two networks (model and control) see every example.
            let examples = Double(2 * training.totalSteps * training.batch) / seconds
            print("| \(kind) | \(h) | \(outcome.parameterCount) | \(seed) | \(f(a.defection)) | \(f(z.defection)) | \(f(z.survival)) | \(f(a.bitFlipDefection)) | \(f(a.cleanError)) | \(f(a.controlCleanError)) | \(f(a.backdoorCost)) | \(f(z.cleanError)) | \(a.triggerUnits)/\(z.triggerUnits) | \(a.sharedUnits)/\(z.sharedUnits) | \(a.taskUnits) | \(f(seconds, 2)) | \(Int(examples)) |")
            fflush(stdout)
        }
    }
}
