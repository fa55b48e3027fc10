"""Answer requests over the records and their index: the service and the backend protocol
(with its backends), the catalogues, question answering, and the views."""
