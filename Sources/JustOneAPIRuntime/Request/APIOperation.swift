/// One operation's request type, as the generator writes it: the operation's parameters as
/// properties, and the ``Request`` they make.
///
/// Every generated request type conforms (`DouyinXingtuAPI.GetAuthorTags`, say), so code that
/// works on any operation can take one: `client.send(operation)`, a per-operation budget
/// (``RequestBudget/limiting(_:to:)``), usage figures (`client.usage[DouyinXingtuAPI.GetAuthorTags.self]`),
/// and the stubs of the `JustOneAPITesting` kit.
public protocol APIOperation: Sendable {
    /// What a successful response's payload decodes as.
    associatedtype Output: Decodable & Sendable

    /// The operation's `operationId` in the OpenAPI document.
    static var operationID: String { get }

    /// The request to send, with every part visible.
    var request: Request<Output> { get }
}

extension JustOneAPIClient {
    /// Sends the request of `operation` and returns its decoded response; the same as
    /// `send(operation.request, timeout: timeout)`.
    public func send<Operation: APIOperation>(
        _ operation: Operation, timeout: Duration? = nil
    ) async throws -> APIResponse<Operation.Output> {
        try await send(operation.request, timeout: timeout)
    }
}
