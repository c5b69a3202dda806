import Testing

@testable import GeneratorCore

@Suite struct Test_ParsedDescription {
    @Test func availableValuesBecomeCaseDocumentation() {
        let parsed = ParsedDescription(
            "Platform type.\n\nAvailable Values:\n- `SHORT_VIDEO`: Short video\n- `LIVE_STREAMING`: Live streaming")
        #expect(parsed.prose == "Platform type.")
        #expect(parsed.valueDocs == ["SHORT_VIDEO": "Short video", "LIVE_STREAMING": "Live streaming"])
    }

    @Test func descriptionsWithoutAListAreKept() {
        let parsed = ParsedDescription("Just text.")
        #expect(parsed.prose == "Just text.")
        #expect(parsed.valueDocs.isEmpty)
    }
}
