"""The e-portfolio's part of the learner's export and of the account's erasure (registered when the app is ready)."""
