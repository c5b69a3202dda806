// The Swift samples of Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/TypedDataFromSamples.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/TypedDataFromSamples.md:14
func justOneAPIRuntimeTypedDataFromSamplesSample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let recorder = SampleRecorder(directory: URL(fileURLWithPath: "samples"))
    let client = JustOneAPIClient(token: token, configuration: ClientConfiguration(middlewares: [recorder]))
}
