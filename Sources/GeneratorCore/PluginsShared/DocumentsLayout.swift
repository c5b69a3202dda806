import Foundation

// This folder is compiled twice: into GeneratorCore, and into the JustOneAPIGenerator build
// plugin through the link Plugins/JustOneAPIGenerator/PluginsShared. A plugin cannot depend on
// a library, and it must name the generator's output files before the generator runs, so the
// rules live here once. Foundation only.

/// The file names of the `documents` layout, which follow from the input files' paths alone.
public enum DocumentsLayout {
    /// The files every generation writes in this layout, whatever the inputs.
    public static let fixedFiles = ["Namespaces.swift", "Models.swift", "Servers.swift", "BusinessCodes.swift"]

    /// Names of files in an input directory that are never read as OpenAPI documents: the
    /// generator's configuration and `fetch`'s manifest and lock file.
    public static let reservedInputNames: Set<String> = ["generator.yaml", "sources.yaml", "sources.lock.json"]

    /// The file of an input document, from its path relative to the input directory:
    /// `xiaohongshu/search-v1-en.json` → `Documents/xiaohongshu_search-v1-en.swift`.
    public static func fileName(forDocumentAt relativePath: String) -> String {
        let stem = (relativePath as NSString).deletingPathExtension
        let safe = stem.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "_"
        }
        return "Documents/" + GeneratedFileNames.swiftFile(String(safe))
    }
}
