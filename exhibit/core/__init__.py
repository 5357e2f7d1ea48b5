"""The exhibit's core: content, story, timeline and policies, in plain Python without Qt."""
