// Secrets (libsodium): random tokens, token hashes, password hashes, constant-time compare.
#pragma once

#include <string>
#include <string_view>

namespace kvitka {

// Must be called once before any other function here (main and test mains do).
void InitSecrets();

// A random token of `bytes` bytes (16 = 128 bits), URL-safe base64 without padding.
std::string RandomToken(std::size_t bytes = 32);

// A hex BLAKE2b-256 hash of a token, for storing tokens without storing them.
std::string HashToken(std::string_view token);

// argon2id password hash in libsodium's encoded form (contains salt and parameters).
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// A fixed hash used to spend the same time on unknown accounts as on known ones.
const std::string& DummyPasswordHash();

bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace kvitka
