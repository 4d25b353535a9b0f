"""The Help menu's content: the guide to the section, the glossary and About."""
