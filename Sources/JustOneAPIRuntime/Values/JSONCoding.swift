import Foundation

/// The JSON encoder and decoder settings shared by the runtime and generated models.
public enum JSONCoding {
    /// A decoder that reads dates as ISO 8601, with or without fractional seconds.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601Coding.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "`\(text)` is not an ISO 8601 date-time")
            }
            return date
        }
        return decoder
    }

    /// An encoder that writes dates as ISO 8601 and keys in a stable order.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Coding.string(from: date))
        }
        return encoder
    }
}

/// ISO 8601 date-times, as OpenAPI's `date-time` format uses them.
public enum ISO8601Coding {
    public static func string(from date: Date) -> String {
        date.formatted(.iso8601)
    }

    public static func date(from text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
