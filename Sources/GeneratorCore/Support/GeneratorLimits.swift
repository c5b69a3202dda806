import Foundation

/// The bounds that keep every stage's recursion far from the end of its thread's stack, and
/// every generated file cheap for the compiler, whatever document comes in.
///
/// Each stage (decoding, translating, rendering) recurses once per level of the document's
/// nesting. A debug build of the generator, which `swift run generate` and build plugins use,
/// spends several kilobytes of stack per level, so the pipeline runs on threads with
/// ``stackSize`` bytes of stack and refuses documents nested deeper than ``documentNesting``
/// with a located error: a crash is never the answer to a document.
public enum GeneratorLimits {
    /// How deep a document's JSON or YAML may nest (objects and arrays), counted from the top.
    /// Real-world documents stay under 40; a schema 100 arrays deep is about 105.
    public static let documentNesting = 160

    /// How many arrays or dictionaries deep a generated type may be (`[[[String]]]` is 3); past
    /// it, the value is typed `JSONValue` with a warning. The Swift type checker slows down
    /// sharply on deeply nested collection literals and types.
    public static let collectionNesting = 6

    /// How deep schemas may nest within one another (properties, items, compositions) while
    /// being translated; past it, the value is typed `JSONValue` with a warning.
    public static let schemaNesting = 64
    /// How deep a response sample may nest (`generate infer`); levels past ``schemaNesting``
    /// are inferred as untyped.
    public static let sampleNesting = 2_000

    /// The stack each pipeline thread gets: measured needs of the debug build at
    /// ``documentNesting`` levels are under a quarter of it.
    public static let stackSize = 256 << 20
}
