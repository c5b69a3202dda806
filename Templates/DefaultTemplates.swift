import Foundation
public enum DefaultTemplates { public static var directory: URL? { Bundle.module.url(forResource: "swift", withExtension: nil) } }
