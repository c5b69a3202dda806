import OpenAPIKit
import Testing

@testable import GeneratorCore

/// `keysInOrder` is OpenAPIKit's `keys` in one pass: the same keys in the same order.
@Suite struct Test_OrderedDictionaryKeys {
    @Test(arguments: [0, 1, 2, 50, 500])
    func theSameKeysInTheSameOrder(count: Int) {
        var dictionary = OrderedDictionary<String, Int>()
        // Keys out of sorted order, one replaced (its place stays) and one removed.
        for index in 0..<count { dictionary["k\((index * 7_919) % max(count, 1))-\(index)"] = index }
        if count > 1 {
            let first = dictionary.keysInOrder[0]
            dictionary[first] = -1
            dictionary[dictionary.keysInOrder[1]] = nil
        }
        #expect(dictionary.keysInOrder == dictionary.keys)
        #expect(dictionary.keysInOrder.count == max(0, count - (count > 1 ? 1 : 0)))
    }
}
