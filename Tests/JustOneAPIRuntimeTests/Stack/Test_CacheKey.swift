import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_CacheKey {
    static let server = Server("https://api.example.test")!

    static func request(_ query: [(String, String)], form: [(String, String)]? = nil) -> Request<JSONValue> {
        Request(
            operationID: "op", method: form == nil ? .get : .post, path: "/p",
            query: query.map { QueryItem(name: $0.0, value: $0.1) },
            body: form.map { .form($0.map { QueryItem(name: $0.0, value: $0.1) }) },
            authentication: .query(name: "token"), responseFormat: .json)
    }

    /// The order of query items and form fields does not matter; their values do.
    @Test func itemsInAnyOrderMakeOneKey() {
        let one = CacheKey(Self.request([("a", "1"), ("b", "2")], form: [("x", "1"), ("y", "2")]), server: Self.server)
        let two = CacheKey(Self.request([("b", "2"), ("a", "1")], form: [("y", "2"), ("x", "1")]), server: Self.server)
        let other = CacheKey(Self.request([("a", "1"), ("b", "3")], form: [("x", "1"), ("y", "2")]), server: Self.server)
        #expect(one == two && one.digest == two.digest)
        #expect(one != other && one.digest != other.digest)
        // A value cannot pose as a separator.
        let joined = CacheKey(Self.request([("a", "1&b=2")]), server: Self.server)
        #expect(joined != CacheKey(Self.request([("a", "1"), ("b", "2")]), server: Self.server))
    }

    /// The credential is added after the key is made: the key never holds it, and the
    /// description holds no parameter value at all.
    /// Multipart bodies key on every part: its name, file name, content type and bytes (JSON
    /// with sorted keys, so that two encodings of one value make one key).
    @Test func multipartPartsAreAllInTheKey() {
        func key(_ parts: [MultipartPart]) -> CacheKey {
            CacheKey(
                Request<JSONValue>(operationID: "up", method: .post, path: "/up", body: .multipart(parts), responseFormat: .json),
                server: Self.server)
        }
        var base: [MultipartPart] = []
        base.append("file", file: FileUpload(data: Data("abc".utf8), filename: "a.txt", contentType: "text/plain"))
        base.append("meta", json: ["b": 2, "a": 1])
        var sameJSON: [MultipartPart] = []
        sameJSON.append("file", file: FileUpload(data: Data("abc".utf8), filename: "a.txt", contentType: "text/plain"))
        sameJSON.append("meta", json: ["a": 1, "b": 2])
        #expect(key(base) == key(sameJSON))
        for changed in [
            FileUpload(data: Data("abd".utf8), filename: "a.txt", contentType: "text/plain"),
            FileUpload(data: Data("abc".utf8), filename: "b.txt", contentType: "text/plain"),
            FileUpload(data: Data("abc".utf8), filename: "a.txt", contentType: "text/csv"),
        ] {
            var parts = base
            parts[0] = MultipartPart(name: "file", filename: changed.filename, contentType: changed.contentType, body: changed.data)
            #expect(key(parts) != key(base), "\(changed)")
        }
        var renamed = base
        renamed[1].name = "metadata"
        #expect(key(renamed) != key(base))
    }

    @Test func theCredentialIsNeverPartOfTheKey() throws {
        let request = Self.request([("id", "visible-id")])
        let key = CacheKey(request, server: Self.server)
        let sent = try request.httpRequest(server: Self.server, credential: Credential(token: "tok-123"))
        #expect(sent.url.absoluteString.contains("tok-123"))
        #expect(!key.text.contains("tok-123"))
        #expect(!key.description.contains("visible-id"))
        #expect(key.digest.count == 64)
    }

    /// SHA-256 against FIPS 180-4's examples.
    @Test func sha256() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
