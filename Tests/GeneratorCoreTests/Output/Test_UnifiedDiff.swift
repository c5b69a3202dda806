import Testing

@testable import GeneratorCore

@Suite struct Test_UnifiedDiff {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldName: "a", newName: "b").isEmpty)
    }

    @Test func changesAreShownWithContext() {
        let old = (1...10).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "5\n", with: "five\n")
        let diff = UnifiedDiff.make(old: old, new: new, oldName: "a/x", newName: "b/x")
        #expect(
            diff == """
                --- a/x
                +++ b/x
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8

                """)
    }

    @Test func newFilesDiffAgainstNothing() {
        let diff = UnifiedDiff.make(old: "", new: "x\ny\n", oldName: "/dev/null", newName: "b/x")
        #expect(diff.contains("@@ -0,0 +1,2 @@\n+x\n+y\n"))
    }
}
