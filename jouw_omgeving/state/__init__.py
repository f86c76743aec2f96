"""One small state per feature, directly under rx.State. States call services, never SQL."""
