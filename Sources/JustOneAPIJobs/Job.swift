import Foundation
import JustOneAPIRuntime

/// A job: a name, its inputs (creator IDs, video IDs …) and what each input becomes, one call
/// or every page of a paged operation. Run by a ``JobRunner`` into a ``JobStore``, it survives
/// a crash: every page is saved with its items in one transaction, and running the job again
/// goes on where it stopped.
///
/// ```swift
/// let job = Job(name: "homepage-videos", inputs: creatorIDs) { id in
///     .pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 50)
/// }
/// let store = SQLiteJobStore(path: "jobs.sqlite")
/// let status = try await JobRunner(client: client, store: store).run(job)
/// for try await item in store.items(of: job.name) { print(item.input, item.value) }
/// ```
public struct Job: Sendable {
    /// The job's name in its store; running a job of the same name goes on with it.
    public let name: String
    /// The inputs, each worked on once (their order is the order of the results).
    public let inputs: [String]
    /// What an input becomes.
    public let work: @Sendable (String) -> JobWork

    public init(name: String, inputs: [String], work: @escaping @Sendable (String) -> JobWork) {
        self.name = name
        self.inputs = inputs
        self.work = work
    }
}

/// What one input of a ``Job`` becomes: one call, whose payload is its one item, or every page
/// of a paged operation, whose items are the items of its pages.
public struct JobWork: Sendable {
    /// The operation's `operationId`, for progress and errors.
    public let operationID: String
    /// Makes the calls, from `point` on, handing each page to `save` before the next is asked
    /// for (nothing is fetched ahead: a crash loses at most the page in flight).
    let run: @Sendable (
        _ client: JustOneAPIClient, _ point: PageResumePoint?, _ save: @Sendable (JobPage) async throws -> Void
    ) async throws -> Void

    /// One call: its payload is the input's one item.
    public static func call<Operation: APIOperation>(_ operation: Operation) -> JobWork {
        call(operation.request)
    }

    /// One call of `request`: its payload is the input's one item.
    public static func call<Output>(_ request: Request<Output>) -> JobWork {
        let untyped = request.decoding(as: JSONValue.self)
        return JobWork(operationID: request.operationID) { client, _, save in
            let response = try await client.send(untyped)
            try await save(JobPage(items: [response.data], next: nil))
        }
    }

    /// Every page of a paged operation, at most `maxPages` in all (each is a billed call); the
    /// items of each page are the input's items.
    public static func pages<Operation: PagedOperation>(_ operation: Operation, maxPages: Int = 100) -> JobWork {
        pages(operation.request, paging: Operation.paging, maxPages: maxPages)
    }

    /// Every page of `request`, paged as `paging` describes.
    public static func pages<Output>(_ request: Request<Output>, paging: Paging, maxPages: Int = 100) -> JobWork {
        let untyped = request.decoding(as: JSONValue.self)
        return JobWork(operationID: request.operationID) { client, point, save in
            var sequence = client.pages(untyped, paging: paging, maxPages: maxPages, whenLimitReached: .finish)
            if let point { sequence = sequence.resuming(from: point) }
            var iterator = sequence.makeAsyncIterator()
            var endSaved = false
            while let page = try await iterator.next() {
                let next = iterator.resumePoint
                try await save(JobPage(items: iterator.items ?? [page.data], next: next))
                endSaved = next == nil
            }
            // The list ended on a page that was not yielded (empty, or the same as the one
            // before): the input is done, with no items of that page.
            if !endSaved { try await save(JobPage(items: [], next: nil)) }
        }
    }
}

/// One page of an input's work: its items, and where the next page starts (`nil` after the last).
struct JobPage: Sendable {
    let items: [JSONValue]
    let next: PageResumePoint?
}

/// One item a job collected.
public struct JobItem: Sendable, Hashable {
    /// The input it came from.
    public let input: String
    /// The input's position among the job's inputs.
    public let position: Int
    /// The page it came from, from 0.
    public let page: Int
    /// Its place on the page, from 0.
    public let index: Int
    /// The item as the API returned it.
    public let value: JSONValue

    public init(input: String, position: Int, page: Int, index: Int, value: JSONValue) {
        self.input = input
        self.position = position
        self.page = page
        self.index = index
        self.value = value
    }
}
