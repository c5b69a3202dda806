// The Just One API client: the generated namespaces, requests and business codes under
// Generated/, on top of the runtime, which this module re-exports so that `import JustOneAPI`
// is all a caller needs:
//
//     import JustOneAPI
//
//     let client = JustOneAPIClient(token: token)
//     let result = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345", range: .day90)
//     print(result.data, result.requestID ?? "")
//
// Regenerate Generated/ with `swift run generate specs/` after the documents in specs/ change.
@_exported import JustOneAPIRuntime
