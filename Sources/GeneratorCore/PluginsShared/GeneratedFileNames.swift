// Compiled into GeneratorCore and into the JustOneAPIGenerator build plugin (see
// DocumentsLayout.swift): the plugin names the generator's output files before it runs.

/// Names of generated Swift files that every file system takes: a name of more than
/// ``maximumStemLength`` bytes (a 300-character schema name) is cut and given a hash of the whole
/// name, so that it stays unique and the same from run to run. File systems refuse names over
/// 255 bytes, and writing a file stages it under a longer temporary name beside it.
public enum GeneratedFileNames {
    /// The longest file name, in UTF-8 bytes, without `.swift`.
    public static let maximumStemLength = 150

    /// `stem.swift`, or for a long stem its first characters, `-` and 8 hexadecimal digits of
    /// its FNV-1a hash: `AVeryLongName…-1f2e3d4c.swift`.
    public static func swiftFile(_ stem: String) -> String {
        guard stem.utf8.count > maximumStemLength else { return stem + ".swift" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stem.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let digits = String(UInt32(truncatingIfNeeded: hash ^ (hash >> 32)), radix: 16)
        let suffix = "-" + String(repeating: "0", count: 8 - digits.count) + digits
        var kept = ""
        var length = 0
        for character in stem {
            let size = character.utf8.count
            guard length + size + suffix.utf8.count <= maximumStemLength else { break }
            kept.append(character)
            length += size
        }
        return kept + suffix + ".swift"
    }
}
