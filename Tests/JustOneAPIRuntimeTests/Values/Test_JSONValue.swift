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
