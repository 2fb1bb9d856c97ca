enum ArrayFilters {
    static let all: [FilterDefinition] = []
}
