package dev.periksa.product;

/** A data store's own error document: its code and message. */
public record StoreError(String code, String message) {}
