from models import Document


def type_tables(doc: Document):
    return []
