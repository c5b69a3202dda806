import Foundation
import JustOneAPIRuntime
import Testing

@Suite struct Test_JSONValue {
    @Test func decodesEveryKindAndKeepsLargeIntegers() throws {
        let value = try JSONDecoder().decode(
            JSONValue.self,
            from: Data(#"{"a": null, "b": true, "c": 9007199254740993, "d": 1.5, "e": "x", "f": [1, {}]}"#.utf8))
        #expect(value["a"] == .null)
        #expect(value["b"] == true)
        #expect(value["c"] == .integer(9_007_199_254_740_993))
        #expect(value["d"]?.doubleValue == 1.5)
        #expect(value["e"]?.stringValue == "x")
        #expect(value["f"]?[0]?.intValue == 1)
        #expect(value["f"]?[1] == [:])
        #expect(value["missing"] == nil)
    }

    @Test func convertsToYourOwnTypes() throws {
        struct Ability: Decodable, Equatable {
            let gpmRange: String
            enum CodingKeys: String, CodingKey { case gpmRange = "gpm_range" }
        }
        let value: JSONValue = ["gpm_range": "-", "other": 1]
        #expect(try value.decode(as: Ability.self) == Ability(gpmRange: "-"))
    }

    @Test func describesItselfAsJSON() {
        let value: JSONValue = ["b": [1, 2.5, "x", nil], "a": true]
        #expect(value.description == #"{"a":true,"b":[1,2.5,"x",null]}"#)
    }
}

@Suite struct Test_JSONParser {
    @Test func parsesEveryKind() throws {
        let value = try JSONValue.parse(Data(#" {"a": [1, -2, 3.5, 1e3, -0.25E-2, 9223372036854775807, 9223372036854775808], "b": {"c": null}, "d": true, "e": false, "f": ""} "#.utf8))
        #expect(value["a"] == [1, -2, 3.5, 1000.0, -0.0025, .integer(Int64.max), .double(9_223_372_036_854_775_808)])
        #expect(value["b"] == ["c": nil])
        #expect(value["d"] == true)
        #expect(value["e"] == false)
        #expect(value["f"] == "")
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue.parse(Data(#"["a\"b\\c\/d\n\t\u00e9\u4e2d\ud83d\ude00", "星图"]"#.utf8))
        #expect(value == ["a\"b\\c/d\n\té中😀", "星图"])
    }

    @Test func agreesWithJSONDecoderOnTheSeedResponse() throws {
        let body = Data(#"{"code": 0, "data": {"avg_sales_amount_range": "-", "base_resp": {"status_code": 0, "status_message": ""}, "list": [1.5, "x", null]}}"#.utf8)
        #expect(try JSONValue.parse(body) == JSONDecoder().decode(JSONValue.self, from: body))
    }

    @Test(arguments: [
        ("", 0), ("{", 1), (#"{"a" 1}"#, 5), ("[1,]", 3), ("tru", 0), (#""abc"#, 4), ("01x", 1), ("[1] 2", 4), (#"{"a": "\x"}"#, 9),
        ("-", 1), ("\"\u{01}\"", 1),
    ])
    func rejectsInvalidJSONWithTheOffset(text: String, offset: Int) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Data(text.utf8)) }
        do {
            _ = try JSONValue.parse(Data(text.utf8))
        } catch {
            #expect(error.offset == offset, "\(error)")
        }
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Data(#"{"a": ""#.utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(Data(#""}"#.utf8))
        #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
    }
}
