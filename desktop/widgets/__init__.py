"""Small reusable widgets: loading/no-data states, the audio player, the chat bubble."""
