import Foundation

/// Splits a description into its prose and its "Available Values" list.
///
/// Just One API documents each enum value inside the parameter's description:
/// ```
/// Platform type.
///
/// Available Values:
/// - `SHORT_VIDEO`: Short video
/// - `LIVE_STREAMING`: Live streaming
/// ```
/// The values become per-case documentation; the prose documents the parameter.
struct ParsedDescription: Equatable {
    var prose: String?
    var valueDocs: [String: String]

    init(_ description: String?) {
        guard let description else {
            prose = nil
            valueDocs = [:]
            return
        }
        // Most descriptions have no list: keep them as they are.
        guard TextSearch.contains("values", in: description, ignoringCase: true) else {
            let text = description.trimmingSpaces(newlines: true)
            prose = text.isEmpty ? nil : text
            valueDocs = [:]
            return
        }
        var proseLines: [Substring] = []
        var docs: [String: String] = [:]
        var inList = false
        for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingSpaces(newlines: false)
            if !inList {
                // Only a line with the word can be the header: the others skip Foundation.
                let header =
                    TextSearch.contains("values", in: trimmed, ignoringCase: true)
                    ? trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ":")) : ""
                if header == "available values" || header == "possible values" || header == "allowed values" {
                    inList = true
                } else {
                    proseLines.append(line)
                }
                continue
            }
            guard trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") else {
                if !trimmed.isEmpty { proseLines.append(line) }
                continue
            }
            let item = trimmed.dropFirst(2).trimmingSpaces(newlines: false)
            let value: String
            var rest: Substring
            if item.hasPrefix("`"), let close = item.dropFirst().firstIndex(of: "`") {
                value = String(item[item.index(after: item.startIndex)..<close])
                rest = item[item.index(after: close)...]
            } else if let colon = item.firstIndex(of: ":") {
                value = item[..<colon].trimmingSpaces(newlines: false)
                rest = item[colon...]
            } else {
                continue
            }
            rest = rest.drop { $0 == ":" || $0 == " " || $0 == "-" }
            if !value.isEmpty, docs[value] == nil { docs[value] = String(rest) }
        }
        let text = proseLines.joined(separator: "\n").trimmingSpaces(newlines: true)
        prose = text.isEmpty ? nil : text
        valueDocs = docs
    }
}
