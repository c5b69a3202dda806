import Testing

@testable import GeneratorCore

@Suite struct Test_SwiftName {
    @Test(arguments: [
        ("get_author_convert_ability", "getAuthorConvertAbility"),
        ("douyin-xingtu", "douyinXingtu"),
        ("oAuthorId", "oAuthorId"),
        ("SHORT_VIDEO", "shortVideo"),
        ("DAY_30", "day30"),
        ("URLPath", "urlPath"),
        ("getAPIKey", "getAPIKey"),
        ("last_buffer", "lastBuffer"),
        ("v2Name", "v2Name"),
        ("Top", "top"),
        ("two words", "twoWords"),
        ("X-Request-ID", "xRequestID"),
        ("USER_ID", "userID"),
        ("photo_urls", "photoURLs"),
    ])
    func camelCase(input: String, expected: String) {
        #expect(SwiftName.camelCase(input) == expected)
    }

    @Test func pascalCaseCapitalizesEveryWord() {
        #expect(SwiftName.pascalCase("douyin-xingtu") == "DouyinXingtu")
        #expect(SwiftName.pascalCase("link_type") == "LinkType")
    }

    @Test(arguments: [
        ("SHORT_VIDEO", "shortVideo"),
        ("90", "value90"),
        ("-1", "valueMinus1"),
        ("-20d", "valueMinus20d"),
        ("-", "minus"),
        ("", "empty"),
        ("none", "noneValue"),
        ("NONE", "noneValue"),
        ("Self", "selfValue"),
        ("default", "default"),
    ])
    func enumCaseNames(value: String, expected: String) {
        #expect(SwiftName.enumCaseName(forValue: value) == expected)
    }

    /// Values whose names would clash only because a Swift name drops symbols spell out the
    /// symbols that differ; the others keep their plain names, and what still clashes (values
    /// that differ only in case) is left for the name scope to number.
    @Test func enumValuesThatDifferOnlyInSymbolsSpellThemOut() {
        #expect(
            SwiftName.enumCaseNames(forValues: ["Etc/GMT", "Etc/GMT+5", "Etc/GMT-5", "Etc/GMT+0", "Etc/GMT-0", "Europe/Paris"])
                == ["etcGmt", "etcGmtPlus5", "etcGmtMinus5", "etcGmtPlus0", "etcGmtMinus0", "europeParis"])
        #expect(SwiftName.enumCaseNames(forValues: ["image-url", "image_url", "imageurl"]) == ["imageDashURL", "imageUnderscoreURL", "imageurl"])
        #expect(SwiftName.enumCaseNames(forValues: [">=", ">", "a.b", "a-b"]) == ["greaterThanOrEqual", "greaterThan", "aDotB", "aDashB"])
        #expect(SwiftName.enumCaseNames(forValues: ["ABC", "abc"]) == ["abc", "abc"])
        #expect(SwiftName.enumCaseNames(forValues: ["SHORT_VIDEO", "LIVE"]) == ["shortVideo", "live"])
    }

    @Test func keywordsAreEscapedWithBackticks() {
        #expect(SwiftName.escaped("default") == "`default`")
        #expect(SwiftName.escaped("class") == "`class`")
        #expect(SwiftName.escaped("platform") == "platform")
    }

    @Test func typeNamesAvoidTakenNames() {
        let avoiding: Set<String> = ["Result", "String"]
        #expect(SwiftName.typeIdentifier("Result", digitPrefix: "Schema", takenSuffix: "Model", avoiding: avoiding) == "ResultModel")
        #expect(SwiftName.typeIdentifier("1688", digitPrefix: "api", takenSuffix: "Model", avoiding: avoiding) == "Api1688")
        #expect(SwiftName.nestedTypeName("type", digitPrefix: "Parameter") == "TypeValue")
        #expect(SwiftName.nestedTypeName("range", digitPrefix: "Parameter") == "Range")
    }

    @Test func nameScopeNumbersCollisionsInOrder() {
        var scope = NameScope(reserved: ["client"])
        #expect(scope.claim("client") == "client2")
        #expect(scope.claim("search") == "search")
        #expect(scope.claim("search") == "search2")
        #expect(scope.claim("search") == "search3")
    }

    /// The ASCII fast path of `words(of:)` splits exactly as the Unicode rules do, on 20,000
    /// strings drawn (from a fixed seed) from letters of both cases, digits and separators.
    @Test func asciiWordsMatchTheUnicodeRules() {
        var generator = SeededGenerator(seed: 0x5EED)
        let alphabet = Array("aAbBzZxXiIdD09_- ./~\r\n")
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(SwiftName.asciiWords(of: text) == SwiftName.unicodeWords(of: text), "\(text.debugDescription)")
        }
        #expect(SwiftName.words(of: "Ärger_URLPath") == ["Ärger", "URL", "Path"])
    }
}
