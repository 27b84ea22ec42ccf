// An expected failure of a network/targets operation, with the HTTP status the API should use.
export class NetworkError extends Error {
  expected = true;
  constructor(
    message: string,
    public status = 400,
  ) {
    super(message);
  }
}
