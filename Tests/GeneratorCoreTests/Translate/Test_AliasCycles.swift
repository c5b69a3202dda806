import Testing

@testable import GeneratorCore

/// Component aliases that only refer to one another: one alias per cycle is typed `JSONValue`.
@Suite struct Test_AliasCycles {
    @Test func eachCycleIsBrokenOnceAtTheAliasThatClosesIt() {
        let aliases: [String: SwiftType] = [
            "A": .named("B"), "B": .named("C"), "C": .optional(.named("A")),  // a cycle of three
            "List": .array(.named("Item")), "Item": .dictionary(.named("List")),  // through an array and a map
            "Name": .named("Text"), "Text": .named("String"),  // a chain that ends in a type
            "Pet": .named("PetModel"),  // an alias of a struct (not an alias)
        ]
        let breaks = AliasCycles.breaks(aliases)
        #expect(
            breaks == [
                .init(alias: "C", cycle: ["C", "A", "B", "C"]),
                .init(alias: "List", cycle: ["List", "Item", "List"]),
            ])
    }

    @Test func aliasesWithoutCyclesAreLeftAlone() {
        #expect(AliasCycles.breaks(["A": .named("String"), "B": .array(.named("A")), "C": .nested("D")]).isEmpty)
    }
}
