package com.kakehashi.console.api;

/** Every failed API call surfaces as this exception, carrying the backend's problem or one made up for I/O failures. */
public class ProblemException extends RuntimeException {
    private final ApiProblem problem;

    public ProblemException(ApiProblem problem) {
        super(problem.status() + " " + problem.message());
        this.problem = problem;
    }

    public ProblemException(ApiProblem problem, Throwable cause) {
        super(problem.status() + " " + problem.message(), cause);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
