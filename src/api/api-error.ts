/** A client error with the parameter it is about; the app turns it into `{error, parameter}`. */
export class ApiError extends Error {
  constructor(readonly statusCode: number, message: string, readonly parameter?: string) {
    super(message);
    this.name = 'ApiError';
  }
}
