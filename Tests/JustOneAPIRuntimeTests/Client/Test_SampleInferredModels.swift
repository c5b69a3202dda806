import Foundation
import JustOneAPI
import JustOneAPIRuntime
import JustOneAPITesting
import Testing
import TestSupport

/// Conversion Analysis's model was inferred from one sample (the seed page's example). Real
/// responses differ: a value of another type, a missing member, a `null` or a list where an
/// object was. None of them throws; each property that does not match reads as `nil`, and the
/// whole `data` stays at hand. On both transports, against a server on loopback.
@Suite struct Test_SampleInferredModels {
    func call(_ body: String, transport: TransportKind) async throws -> APIResponse<GetAuthorConvertAbilityData> {
        let server = try LoopbackServer { _ in .json(body) }
        let client = makeClient(server, transport, configuration: ClientConfiguration(retryPolicy: .none))
        return try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345")
    }

    /// The same call answered by the test kit's stub: what the body becomes, without a network.
    func stubbed(_ body: String) async throws -> APIResponse<GetAuthorConvertAbilityData> {
        let client = JustOneAPIClient(
            token: "test-token", transport: StubTransport().on(DouyinXingtuAPI.GetAuthorConvertAbility.self, .json(body)),
            configuration: ClientConfiguration(retryPolicy: .none))
        return try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345")
    }

    @Test(arguments: TransportKind.allCases)
    func aResponseThatContradictsTheSamplesStillReturns(transport: TransportKind) async throws {
        let result = try await call(
            """
            {"code": 0, "message": "ok", "data": {
              "gpm_range": 12.5,
              "avg_sales_amount_range": "1w-5w",
              "base_resp": "not an object",
              "new_field": {"nested": [1, 2]}
            }}
            """, transport: transport)
        #expect(result.data.gpmRange == nil, "a number where the samples had text")
        #expect(result.data.avgSalesAmountRange == "1w-5w")
        #expect(result.data.baseResp == nil, "text where the samples had an object")
        #expect(result.data.relatedCpcRange == nil, "missing")
        #expect(result.data.jsonValue["gpm_range"] == .double(12.5))
        #expect(result.data.jsonValue["new_field"]?["nested"]?[1] == .integer(2))
        #expect(result.message == "ok")
    }

    @Test(arguments: TransportKind.allCases)
    func aNestedModelReadsLenientlyToo(transport: TransportKind) async throws {
        let result = try await call(
            #"{"code": 0, "data": {"base_resp": {"status_code": "0", "status_message": 7}}}"#, transport: transport)
        let base = try #require(result.data.baseResp)
        #expect(base.statusCode == nil)
        #expect(base.statusMessage == nil)
        #expect(base.jsonValue["status_code"] == .string("0"))
    }

    @Test(arguments: [(#"{"code": 0, "data": null}"#, JSONValue.null), (#"{"code": 0}"#, .null), (#"{"code": 0, "data": [1]}"#, .array([.integer(1)]))])
    func aNullOrNonObjectDataGivesAModelOfNils(body: String, data: JSONValue) async throws {
        let result = try await stubbed(body)
        #expect(result.data.gpmRange == nil)
        #expect(result.data.baseResp == nil)
        #expect(result.data.jsonValue == data)
    }

    /// A failure is still a failure: leniency is for the payload, not for the envelope's code.
    @Test func aBusinessErrorStillThrows() async throws {
        await #expect(throws: JustOneAPIError.self) {
            _ = try await stubbed(#"{"code": 100, "message": "invalid token", "data": null}"#)
        }
    }

    /// The model encodes back to the value as received.
    @Test func theModelEncodesAsReceived() throws {
        let value: JSONValue = .object(["gpm_range": .string("-"), "extra": .bool(true)])
        let model = GetAuthorConvertAbilityData(jsonValue: value)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(model))
        #expect(decoded == value)
        #expect(try JSONDecoder().decode(GetAuthorConvertAbilityData.self, from: JSONEncoder().encode(value)) == model)
    }
}
