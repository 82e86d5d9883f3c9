/// Namespace of the OpenAI Admin API wire models (`/v1/organization/*`), exactly as on the wire.
import APICore

public enum OpenAIAdmin {}
