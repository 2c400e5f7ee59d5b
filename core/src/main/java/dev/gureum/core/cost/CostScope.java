package dev.gureum.core.cost;

/**
 * What a query reads besides the line items: the account whose usage they are (its LINKED_ACCOUNT) and the cost
 * allocation tags of its resources.
 */
public record CostScope(String account, ResourceTags tags) {
}
