import Foundation
import XiaohongshuClient

// Usage: xiaohongshu-example BASE_URL TOKEN NOTE_ID
// Looks up one note through the client the build plugin generated, and prints what came back.
let arguments = CommandLine.arguments
guard arguments.count == 4, let server = Server(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: xiaohongshu-example BASE_URL TOKEN NOTE_ID\n".utf8))
    exit(2)
}
let client = JustOneAPIClient(token: arguments[2], server: server)
do {
    let note = try await client.xiaohongshu.getNoteDetailV1(noteId: arguments[3])
    print("title: \(note.data["title"]?.stringValue ?? "-"), request: \(note.requestID ?? "-")")
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
