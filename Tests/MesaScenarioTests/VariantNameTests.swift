@testable import MesaScenario
import Testing

/// Variant folder names read as their overrides (issue 21, item 5), with a hash only where a
/// readable name could be shared by two different overrides.
@Suite("Variant folder names")
struct VariantNameTests {
    @Test("plain values read as themselves; the block only where two blocks share the key")
    func readable() {
        #expect(Scenario.variantSlug(base: "budget", overrides: ["model.parameters=1024"], quick: false) == "budget-set-parameters-1024")
        #expect(Scenario.variantSlug(base: "b", overrides: ["training.seeds=3", "bias.speed=0.1"], quick: true) == "b-set-seeds-3-speed-0.1-quick")
        #expect(Scenario.variantSlug(base: "b", overrides: ["training.optimizer=hill_climb"], quick: false) == "b-set-optimizer-hill_climb")
        #expect(Scenario.variantSlug(base: "b", overrides: ["environment.instances=4"], quick: false) == "b-set-environment.instances-4")
        #expect(Scenario.variantSlug(base: "b", overrides: ["deployment.instances=4"], quick: false) == "b-set-deployment.instances-4")
        #expect(Scenario.variantSlug(base: "b", overrides: [], quick: true) == "b-quick")
    }

    @Test("values that lose characters keep a hash, so different overrides never share a folder")
    func hashed() {
        let list = Scenario.variantSlug(base: "b", overrides: ["environment.instances=[1, 4]"], quick: false)
        let range = Scenario.variantSlug(base: "b", overrides: ["environment.instances=1 ... 4"], quick: false)
        #expect(list.hasPrefix("b-set-environment.instances-1-4-"))
        #expect(range.hasPrefix("b-set-environment.instances-1-4-"))
        #expect(list != range)
        #expect(list.count == "b-set-environment.instances-1-4-".count + 8)
        let negative = Scenario.variantSlug(base: "b", overrides: ["bias.speed=-0.1"], quick: false)
        #expect(negative.hasPrefix("b-set-speed-0.1-") && negative != "b-set-speed-0.1")
        let long = Scenario.variantSlug(base: "b", overrides: (1...9).map { "bias.speed=0.\($0)" }, quick: false)
        #expect(long.count == "b-set-".count + 8, "a long name is the hash alone: \(long)")
    }
}
