import Foundation

extension Request {
    /// Reads `response` as this request's output, or throws the error that describes it.
    func decode(_ response: HTTPResponse, redactor: Redactor) throws(JustOneAPIError) -> APIResponse<Output> {
        let isSuccessStatus = (200..<300).contains(response.status)
        switch responseFormat {
        case .envelope(let format):
            return try decodeEnvelope(response, format: format, isSuccessStatus: isSuccessStatus, redactor: redactor)
        case .json:
            try requireSuccessStatus(response, isSuccessStatus, redactor: redactor)
            do {
                let value: Output
                if Output.self == JSONValue.self, let parsed = try JSONValue.parse(response.body) as? Output {
                    value = parsed
                } else if let inferred = Output.self as? any SampleInferred.Type,
                    let model = inferred.init(jsonValue: try JSONValue.parse(response.body)) as? Output
                {
                    value = model
                } else {
                    value = try JSONCoding.sharedDecoder.decode(Output.self, from: response.body)
                }
                return APIResponse(data: value, status: response.status, headerFields: response.headerFields)
            } catch {
                throw undecodable(response, error, redactor: redactor)
            }
        case .text:
            try requireSuccessStatus(response, isSuccessStatus, redactor: redactor)
            return try wrap(String(decoding: response.body, as: UTF8.self), response)
        case .binary:
            try requireSuccessStatus(response, isSuccessStatus, redactor: redactor)
            return try wrap(response.body, response)
        case .empty:
            try requireSuccessStatus(response, isSuccessStatus, redactor: redactor)
            return try wrap(NoContent(), response)
        }
    }

    private func decodeEnvelope(
        _ response: HTTPResponse, format: EnvelopeFormat, isSuccessStatus: Bool, redactor: Redactor
    ) throws(JustOneAPIError) -> APIResponse<Output> {
        let envelope: DecodedEnvelope<Output>
        do {
            if Output.self == JSONValue.self {
                // An untyped payload (Just One API's `data: {}`): parsed directly, without Codable.
                envelope = try DecodedEnvelope<Output>(parsing: response.body, layout: format.layout)
            } else if let inferred = Output.self as? any SampleInferred.Type {
                // A model inferred from samples: the same parse, then the model around the value.
                let untyped = try DecodedEnvelope<JSONValue>(parsing: response.body, layout: format.layout)
                envelope = untyped.mapPayload { inferred.init(jsonValue: $0) as? Output }
            } else {
                envelope = try format.decoder.decode(DecodedEnvelope<Output>.self, from: response.body)
            }
        } catch {
            // A failed status with a body that is not an envelope (an HTML error page, say)
            // is an HTTP failure; a success status with such a body is a body the client cannot read.
            try requireSuccessStatus(response, isSuccessStatus, redactor: redactor)
            throw undecodable(response, error, redactor: redactor)
        }
        if let payload = envelope.payload {
            return APIResponse(
                data: payload, code: envelope.code, message: envelope.message, recordTime: envelope.recordTime,
                requestID: envelope.requestID, status: response.status, headerFields: response.headerFields)
        }
        // No payload: the code is not a success (the decoder throws for a success without one).
        let info = format.info(for: envelope.code)
        let business = BusinessFailure(
            code: envelope.code, meaning: info?.meaning, name: info?.name,
            message: envelope.message.map(redactor.redact), requestID: envelope.requestID,
            recordTime: envelope.recordTime, isRetryable: info?.isRetryable ?? false,
            stopsClient: info?.stopsClient ?? false)
        throw failure(.business(business), status: response.status)
    }

    private func requireSuccessStatus(
        _ response: HTTPResponse, _ isSuccessStatus: Bool, redactor: Redactor
    ) throws(JustOneAPIError) {
        guard !isSuccessStatus else { return }
        throw failure(
            .httpStatus(response.status), status: response.status,
            bodySnippet: Self.snippet(of: response.body, redactor: redactor))
    }

    private func wrap<Value>(_ value: Value, _ response: HTTPResponse) throws(JustOneAPIError) -> APIResponse<Output> {
        guard let output = value as? Output else {
            throw failure(
                .invalidRequest("the response format yields \(Value.self), but the request expects \(Output.self)"))
        }
        return APIResponse(data: output, status: response.status, headerFields: response.headerFields)
    }

    private func undecodable(_ response: HTTPResponse, _ error: any Error, redactor: Redactor) -> JustOneAPIError {
        failure(
            .undecodableBody, status: response.status, bodySnippet: Self.snippet(of: response.body, redactor: redactor),
            underlyingError: RedactedError(JustOneAPIError.summary(of: error), redactor: redactor))
    }

    /// The first 200 characters of `body`, invalid UTF-8 replaced, whitespace runs collapsed.
    static func snippet(of body: Data, redactor: Redactor, limit: Int = 200) -> String {
        let prefix = body.prefix(limit * 4)
        var text = String(decoding: prefix, as: UTF8.self)
        text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if text.count > limit { text = String(text.prefix(limit)) + "…" }
        else if body.count > prefix.count { text += "…" }
        return redactor.redact(text)
    }
}

/// An underlying error kept as redacted text, so that it cannot carry the credential.
public struct RedactedError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ text: String, redactor: Redactor) {
        description = redactor.redact(text)
    }
}
