from models import Records


def assemble_records(typed, doc):
    return Records(), []
