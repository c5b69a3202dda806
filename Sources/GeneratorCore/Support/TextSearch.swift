/// Finding a short phrase in a description, byte by byte: Foundation's `contains` and
/// `range(of:)` set up a search per call, and the translator asks of every parameter of every
/// operation whether its description mentions paging or lists values.
enum TextSearch {
    /// Whether `text` contains `phrase`; with `ignoringCase`, ASCII letters match in either case
    /// (`phrase` is then written in lower case). Outside ASCII only the Kelvin sign (to `k`) and
    /// `İ` (to `i` and a combining dot) lowercase to ASCII letters, so for phrases without `k`
    /// and `i`, such as `values`, this agrees with searching the lowercased text.
    static func contains(_ phrase: String, in text: String, ignoringCase: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            var phrase = phrase
            return phrase.withUTF8 { needle in
                guard let head = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
                func folded(_ byte: UInt8) -> UInt8 {
                    ignoringCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                }
                for start in 0...(haystack.count - needle.count) where folded(haystack[start]) == head {
                    var matched = 1
                    while matched < needle.count, folded(haystack[start + matched]) == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                return false
            }
        }
    }
}
