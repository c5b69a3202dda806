import Foundation

extension Request {
    /// The request as a transport sends it: the server URL, the path, the query and the credential
    /// where ``authentication`` says, and the body encoded with its content type.
    func httpRequest(server: Server, credential: Credential) throws(JustOneAPIError) -> HTTPRequest {
        var query = self.query
        var headers = headerFields
        var body = self.body
        switch authentication {
        case .none:
            break
        case .query(let name):
            query.append(QueryItem(name: name, value: credential.token))
        case .header(let name, let prefix):
            headers[name] = prefix + credential.token
        case .formField(let name):
            if case .multipart(var parts)? = body {
                parts.append(MultipartPart(name: name, body: Data(credential.token.utf8)))
                body = .multipart(parts)
            } else {
                var fields = body?.formFields ?? []
                fields.append(QueryItem(name: name, value: credential.token))
                body = .form(fields)
            }
        }

        var urlString = server.baseString
        urlString.reserveCapacity(urlString.utf8.count + path.utf8.count + query.count * 24)
        if !path.hasPrefix("/") { urlString.append("/") }
        urlString.append(path)
        if !query.isEmpty {
            urlString.append("?")
            urlString.append(query.percentEncoded)
        }
        guard let url = URL(string: urlString) else {
            throw failure(.invalidRequest("`\(server.baseString)\(path)` is not a valid URL"))
        }
        if headers["Accept"] == nil {
            headers["Accept"] = acceptedContentType
        }

        var bodyData: Data?
        switch body {
        case nil:
            break
        case .form(let fields):
            bodyData = Data(fields.percentEncoded.utf8)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        case .json(let value):
            do {
                bodyData = try JSONCoding.sharedEncoder.encode(value)
            } catch {
                throw failure(.invalidRequest("the JSON body could not be encoded: \(error)"))
            }
            headers["Content-Type"] = "application/json"
        case .data(let data, let contentType):
            bodyData = data
            headers["Content-Type"] = contentType
        case .multipart(let parts):
            do {
                let (data, boundary) = try parts.multipartBody()
                bodyData = data
                headers["Content-Type"] = "multipart/form-data; boundary=" + boundary
            } catch {
                throw failure(.invalidRequest("a JSON part of the multipart body could not be encoded: \(error)"))
            }
        }
        return HTTPRequest(method: method, url: url, headerFields: headers, body: bodyData, operationID: operationID)
    }

    private var acceptedContentType: String {
        switch responseFormat {
        case .envelope, .json, .empty: "application/json"
        case .text: "text/plain, */*"
        case .binary: "*/*"
        }
    }

    /// An error about this request.
    func failure(
        _ reason: JustOneAPIError.Reason, status: Int? = nil, bodySnippet: String? = nil,
        underlyingError: (any Error & Sendable)? = nil
    ) -> JustOneAPIError {
        JustOneAPIError(
            reason: reason, operationID: operationID, method: method, path: path, status: status,
            bodySnippet: bodySnippet, underlyingError: underlyingError)
    }
}

extension JSONCoding {
    static let sharedEncoder = makeEncoder()
    static let sharedDecoder = makeDecoder()
}
