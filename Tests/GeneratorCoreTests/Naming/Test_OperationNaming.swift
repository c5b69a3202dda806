import Testing

@testable import GeneratorCore

@Suite struct Test_OperationNaming {
    let naming = OperationNaming(config: GeneratorConfig(methodNames: .path))

    func forms(_ path: String, method: String = "GET", operationID: String? = nil, naming: OperationNaming? = nil) -> [String] {
        let naming = naming ?? self.naming
        let key = naming.namespaceKey(path: path, tags: nil)
        return naming.nameForms(
            for: .init(path: path, method: method, operationID: operationID, namespaceKey: key))
    }

    @Test func namespaceIsTheFirstSegmentAfterSkippedOnes() {
        #expect(naming.namespaceKey(path: "/api/douyin-xingtu/gw/api/data_sp/x/v1", tags: nil) == "douyin-xingtu")
        #expect(naming.namespaceKey(path: "/v2/pets/{id}", tags: nil) == "pets")
        #expect(naming.namespacePropertyName(for: "douyin-xingtu") == "douyinXingtu")
        #expect(naming.namespacePropertyName(for: "1688") == "api1688")
        // Bare version numbers before the namespace are skipped as `v2` is; longer numbers name
        // things (`1688` is a platform of the catalog).
        #expect(naming.namespaceKey(path: "/api/0/organizations/{organization_slug}/", tags: nil) == "organizations")
        #expect(naming.namespaceKey(path: "/api/1/deals", tags: nil) == "deals")
        #expect(naming.namespaceKey(path: "/2.0/repositories/{workspace}", tags: nil) == "repositories")
        #expect(naming.namespaceKey(path: "/api/1688/item/detail/v1", tags: nil) == "1688")
        #expect(naming.namespaceKey(path: "/123/items", tags: nil) == "123")
        #expect(forms("/api/0/organizations/{organization_slug}/teams/").first == "teams")
    }

    @Test func methodNameIsTheLastMeaningfulSegment() {
        #expect(forms("/api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1").first == "getAuthorConvertAbility")
        #expect(forms("/api/weixin/search-article/v2").first == "searchArticle")
        #expect(forms("/pets/{petId}").first == "petsByPetId")
    }

    @Test func versionsSuffixOnlyWhereNeeded() {
        let paths = (1...3).map { "/api/weixin/get-article-detail/v\($0)" }
        var taken = NameScope()
        let names = OperationNaming.assign(paths.map { forms($0) }, avoiding: &taken)
        #expect(names == ["getArticleDetailV1", "getArticleDetailV2", "getArticleDetailV3"])

        var alone = NameScope()
        #expect(OperationNaming.assign([forms(paths[0])], avoiding: &alone) == ["getArticleDetail"])
    }

    @Test func precedingSegmentsResolveCollisionsOfTheSameVersion() {
        var taken = NameScope()
        let names = OperationNaming.assign(
            [forms("/api/x/aggregator/get_tags/v1"), forms("/api/x/author/get_tags/v1")], avoiding: &taken)
        #expect(names == ["aggregatorGetTags", "authorGetTags"])
    }

    @Test func laterTiersNeverRenameEarlierOnes() {
        var taken = NameScope()
        let visible = OperationNaming.assign([forms("/api/x/gw/api/aggregator/get_info/v1")], avoiding: &taken)
        let hidden = OperationNaming.assign([forms("/api/x/get-info/v1")], avoiding: &taken)
        #expect(visible == ["getInfo"])
        #expect(hidden == ["getInfoV1"])
    }

    @Test func httpMethodsSeparateOperationsOnOnePath() {
        var taken = NameScope()
        let names = OperationNaming.assign([forms("/pets", method: "GET"), forms("/pets", method: "POST")], avoiding: &taken)
        #expect(names == ["getPets", "postPets"])
    }

    @Test func operationIDsThatSpellOutThePathAreNotUsed() {
        #expect(
            OperationNaming.isSpelledOutPath(
                "getApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1", method: "get",
                path: "/api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1"))
        #expect(!OperationNaming.isSpelledOutPath("getPetById", method: "get", path: "/pets/{petId}"))
        let auto = OperationNaming(config: GeneratorConfig())
        #expect(forms("/pets/{petId}", operationID: "getPetById", naming: auto).first == "getPetById")
        #expect(
            forms(
                "/api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1",
                operationID: "getApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1", naming: auto
            ).first == "getAuthorConvertAbility")
    }
}
