import ArgumentParser
import Foundation
import JustOneAPIJobs
import JustOneAPIPostgresJobs

/// `swift run jobs`: look into a job store without writing Swift.
@main
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Inspects a job store: the status of its jobs, their items, their failed inputs.",
        subcommands: [Status.self, Export.self, RetryFailed.self])

    struct StoreOptions: ParsableArguments {
        @Argument(help: "The job store: a SQLite file written by JobRunner, or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME].")
        var store: String

        func open() throws -> any JobStore {
            if store.hasPrefix("postgres://") || store.hasPrefix("postgresql://") {
                return try PostgresJobStore(url: store)
            }
            guard FileManager.default.fileExists(atPath: store) else {
                throw ValidationError("\(store): no such file (a job store is made by the job that runs into it)")
            }
            return SQLiteJobStore(path: store)
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Prints each job's inputs done, failed and in progress, its pages and items.")
        @OptionGroup var options: StoreOptions
        @Option(help: "Only this job.") var job: String?

        func run() async throws {
            let store = try options.open()
            var names = [String]()
            if let job { names = [job] } else { names = try await store.jobs() }
            if names.isEmpty { print("\(store.location): no jobs") }
            for name in names {
                guard let status = try await store.status(of: name) else {
                    throw JobStoreError.noSuchJob(store: store.location, job: name)
                }
                print(status)
                for failure in try await store.failures(of: name).prefix(20) {
                    print("  failed: \(failure.input): \(failure.error)")
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Writes a job's items as JSON Lines or CSV.")
        @OptionGroup var options: StoreOptions
        @Option(help: "The job.") var job: String
        @Option(help: "jsonl or csv.") var format: String = "jsonl"
        @Option(name: .shortAndLong, help: "The file to write; standard output without it.") var output: String?

        func run() async throws {
            guard let format = JobExport.Format(rawValue: format) else {
                throw ValidationError("--format \(format): use jsonl or csv")
            }
            let store = try options.open()
            guard try await store.status(of: job) != nil else { throw JobStoreError.noSuchJob(store: store.location, job: job) }
            let handle: FileHandle
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: nil),
                    let file = FileHandle(forWritingAtPath: output)
                else { throw ValidationError("\(output) cannot be written: check that its folder exists and may be written") }
                handle = file
            } else {
                handle = .standardOutput
            }
            let count = try await JobExport.write(job, from: store, as: format, to: handle)
            if output != nil {
                try handle.close()
                FileHandle.standardError.write(Data("\(count) items written to \(output!)\n".utf8))
            }
        }
    }

    struct RetryFailed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry-failed",
            abstract: "Makes a job's failed inputs pending again; the next run of the job works on them.")
        @OptionGroup var options: StoreOptions
        @Option(help: "The job.") var job: String

        func run() async throws {
            let store = try options.open()
            guard try await store.status(of: job) != nil else { throw JobStoreError.noSuchJob(store: store.location, job: job) }
            let count = try await store.retryFailed(job)
            print("\(count) failed input\(count == 1 ? "" : "s") of \(job) will be worked on again")
        }
    }
}
