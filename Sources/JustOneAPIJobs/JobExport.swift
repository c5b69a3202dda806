import Foundation
import JustOneAPIRuntime

/// A job's items written out, one per line (JSON Lines) or per row (CSV).
public enum JobExport {
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON object per line: `{"input": …, "page": …, "index": …, "item": …}`.
        case jsonLines = "jsonl"
        /// `input,page,index,item`, the item as JSON text, quoted as RFC 4180 says.
        case csv
    }

    /// Writes every item of `job` to `handle`; returns how many.
    @discardableResult
    public static func write(_ job: String, from store: any JobStore, as format: Format, to handle: FileHandle) async throws -> Int {
        var count = 0
        var buffer = Data()
        if format == .csv { buffer.append(Data("input,page,index,item\r\n".utf8)) }
        for try await item in store.items(of: job) {
            buffer.append(Data(try line(item, format: format).utf8))
            count += 1
            if buffer.count > 1 << 16 {
                handle.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(buffer)
        return count
    }

    /// One item as a line of `format`, its line break included.
    public static func line(_ item: JobItem, format: Format) throws -> String {
        let value = String(decoding: try JSONCoding.encoder.encode(item.value), as: UTF8.self)
        switch format {
        case .jsonLines:
            let input = String(decoding: try JSONCoding.encoder.encode(item.input), as: UTF8.self)
            return #"{"input":\#(input),"page":\#(item.page),"index":\#(item.index),"item":\#(value)}"# + "\n"
        case .csv:
            return [item.input, String(item.page), String(item.index), value].map(csvField).joined(separator: ",") + "\r\n"
        }
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
